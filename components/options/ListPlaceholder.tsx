/** Stands in for a list not read yet: loading, or why it could not be read. */
export function ListPlaceholder({ error }: { error: string | null }) {
  if (error) {
    return (
      <p role="alert" className="fl-error">
        Could not read the list: {error}
      </p>
    );
  }
  return <p className="fl-muted">Loading…</p>;
}
