import type { ReactNode } from 'react';

/** Renders a quiet, centred panel for "nothing here yet" states: a title, what to do, and an optional action. */
export function EmptyPanel({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <section className="panel panel--empty" aria-labelledby={id}>
      <h3 id={id} className="panel__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function LoadingPanel({ text }: { text: string }) {
  return (
    <p className="panel panel--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {text}
    </p>
  );
}
