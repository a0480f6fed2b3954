// Placeholder: the Electron shell (see the desktop application issue).
export {};
