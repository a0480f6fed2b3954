/** Theme: 'system' follows prefers-color-scheme; the choice is remembered outside the vault (not sensitive). */
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'ev-theme';

export function applyTheme(theme: ThemeChoice): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
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
