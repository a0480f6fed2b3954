/**
 * Theme: 'system' follows prefers-color-scheme; the choice is remembered outside the vault (not
 * sensitive). The page always carries data-theme="light" or "dark" (resolved here from matchMedia
 * for 'system'), so styles.css writes the dark palette once, under [data-theme='dark'].
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'ev-theme';

let choice: ThemeChoice = 'system';
let systemDark: MediaQueryList | null = null;

function paint(): void {
  const dark = choice === 'dark' || (choice === 'system' && systemDark?.matches === true);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function applyTheme(theme: ThemeChoice): void {
  choice = theme;
  if (!systemDark) {
    systemDark = window.matchMedia('(prefers-color-scheme: dark)');
    // Follow the system when it changes (sunset, a new setting), while the choice is 'system'.
    systemDark.addEventListener('change', paint);
  }
  paint();
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    /* storage may be unavailable; the theme still applies for this session */
  }
}

export function rememberedTheme(): ThemeChoice {
  try {
    const t = localStorage.getItem(KEY);
    if (t === 'light' || t === 'dark' || t === 'system') return t;
  } catch {
    /* ignore */
  }
  return 'system';
}
