import { Fragment, type ReactNode } from 'react';
import { t, type MessageKey } from './index';

interface Props {
  k: MessageKey;
  /** Placeholder values; React nodes (e.g. `<strong>`) are inserted without string concatenation. */
  values: Record<string, ReactNode>;
}

/** Renders a catalog message whose placeholders are React elements. */
export function T({ k, values }: Props) {
  const marker = '\u0000';
  const plain: Record<string, string> = {};
  for (const name of Object.keys(values)) plain[name] = `${marker}${name}${marker}`;
  const parts = t(k, plain).split(marker);
  return (
    <>
      {parts.map((part, i) => (
        // Each inserted value is isolated (<bdi>): an address or a date keeps its own direction
        // inside right-to-left text.
        <Fragment key={i}>{i % 2 === 1 ? <bdi>{values[part]}</bdi> : part}</Fragment>
      ))}
    </>
  );
}
