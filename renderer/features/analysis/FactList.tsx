/** A statistic's facts as name–value pairs (n, R², slope …), read as one labelled list. */
export function FactList({ facts, label }: { facts: readonly [string, string][]; label: string }) {
  return (
    <dl className="stats-fit" aria-label={label}>
      {facts.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
