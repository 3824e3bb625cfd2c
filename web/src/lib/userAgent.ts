export interface DeviceInfo {
  browser: string | null;
  os: string | null;
  mobile: boolean;
}

const browsers: Array<[RegExp, string]> = [
  [/Edg(A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
  [/^node|undici/i, 'Node.js'],
  [/^PostmanRuntime\//, 'Postman'],
];

const systems: Array<[RegExp, string]> = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/** A rough, dependency-free User-Agent reading: enough for "Chrome on macOS". */
export function parseUserAgent(ua: string | null | undefined): DeviceInfo {
  const value = ua ?? '';
  const browser = browsers.find(([pattern]) => pattern.test(value))?.[1] ?? null;
  const os = systems.find(([pattern]) => pattern.test(value))?.[1] ?? null;
  return { browser, os, mobile: /Mobi|iPhone|Android/.test(value) };
}
