// Runs in <head> before the first paint, so the page never flashes the wrong theme: the choice
// saved by the toggle (light / dark / system, in localStorage) or else the system preference.
export const THEME_STORAGE_KEY = "switchyard-theme";

export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=c==="dark"||(c!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.dataset.theme=d?"dark":"light";}catch(e){document.documentElement.dataset.theme="light";}})();`;
