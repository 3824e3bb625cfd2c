/* global window, document */
// Runs synchronously in <head>, before any stylesheet, so the first painted frame already
// has the user's stored theme. Kept tiny and external because the CSP forbids inline scripts.
(function () {
  try {
    var choice = window.localStorage.getItem('gatehouse-theme');
    if (choice === 'light' || choice === 'dark') {
      document.documentElement.setAttribute('data-theme', choice);
    }
  } catch {
    // Storage can be unavailable (privacy mode); the OS preference then applies.
  }
})();
