import { useEffect, useRef, type ReactNode } from 'react';

/** Whether a page heading has been shown yet in this app session (the initial page). */
let firstHeadingShown = false;

/**
 * The page's single <h1>. It takes focus when it mounts after a client-side navigation, or when a
 * flow swaps to a confirmation panel, so screen readers announce the new page (WCAG 2.4.3). The
 * page of a full load does not take focus: the browser's natural start (skip link first) stays.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // A ref survives StrictMode's effect re-run, so the initial page stays unfocused in dev too.
  const isInitial = useRef(!firstHeadingShown);
  useEffect(() => {
    firstHeadingShown = true;
    if (!isInitial.current) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
