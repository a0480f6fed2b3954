import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Evidence Vault</h1>
      <p>Keep a safe record of what happened.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
