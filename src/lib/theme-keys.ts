/** localStorage key for the reader's theme choice ('light' | 'dark'; absent = follow the OS). */
export const THEME_STORAGE_KEY = 'tradeoffs:theme';
