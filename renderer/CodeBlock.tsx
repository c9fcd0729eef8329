/**
 * Preformatted text that may scroll (SQL, an engine's detail): focusable and named, so a keyboard user can
 * reach and scroll it (axe scrollable-region-focusable). A named region, since a bare <pre> may not carry a name.
 */
export function CodeBlock({ label, children, testId }: { label: string; children: string | undefined; testId?: string }) {
  return (
    <pre tabIndex={0} role="region" aria-label={label} data-testid={testId}>
      {children}
    </pre>
  );
}
