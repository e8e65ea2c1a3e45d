import { PackList } from './PackList';
import { usePacks } from './usePacks';

export function PopupApp() {
  const state = usePacks();
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>Fact Lens</h1>
      </header>
      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">Installed packs</h2>
        {state.status === 'loading' && <p className="muted">Loading…</p>}
        {state.status === 'error' && (
          <p role="alert" className="error">
            Could not read the installed packs: {state.error.message}
          </p>
        )}
        {state.status === 'ready' && <PackList packs={state.packs} />}
      </section>
    </main>
  );
}
