import type { ReactNode } from 'react';

/** The title row every screen starts with: heading, a one-line description, and the screen's main actions. */
export function ScreenHeader({ id, title, description, children }: { id: string; title: ReactNode; description: string; children?: ReactNode }) {
  return (
    <header className="screen__header">
      <div>
        <h2 id={id} className="screen__title" tabIndex={-1}>
          {title}
        </h2>
        <p className="screen__description">{description}</p>
      </div>
      {children !== undefined && <div className="screen__actions">{children}</div>}
    </header>
  );
}
