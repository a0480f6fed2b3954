/**
 * For tests: gives a Node child the process.parentPort an Electron utility process has, made of its
 * IPC channel (fork with serialization 'advanced'), so the vault process (electron/service/
 * vault-process.ts) runs its utility-process transport under a stand-in for Electron's utilityProcess.
 */
const port = {
  postMessage(message: unknown): void {
    process.send?.(message);
  },
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown {
    if (event === 'message') process.on('message', (data: unknown) => listener({ data }));
    return port;
  },
};
(process as unknown as { parentPort: typeof port }).parentPort = port;
export {};
