export function TemplateSource({ name, text }: { readonly name: string; readonly text: string }) {
  return (
    <section className="panel source" aria-labelledby="source-heading">
      <h2 id="source-heading">
        <code>{name}</code>
      </h2>
      {/* Focusable so keyboard users can scroll it. */}
      <pre className="source-text" tabIndex={0} aria-label={`Source of ${name}`}>
        <code>{text}</code>
      </pre>
    </section>
  );
}
