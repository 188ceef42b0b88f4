/** Placeholder blocks while data loads; announced once as "Cargando…". */
export function Loading({
  lines = 3,
  label = 'Cargando…',
}: {
  readonly lines?: number;
  readonly label?: string;
}) {
  return (
    <div className="loading" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}
