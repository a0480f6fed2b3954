// Placeholder: the preload bridge (see the renderer issue).
export {};
