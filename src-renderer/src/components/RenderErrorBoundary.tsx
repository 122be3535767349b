import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Receives the error so it reaches the main process log. */
  onError: (error: Error) => void;
}

/** Replaces a crashed screen with a message, instead of leaving the window blank. */
export class RenderErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <section className="panel panel--error" role="alert">
            <p>{t('errors.render')}</p>
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t('errors.reload')}
            </button>
          </section>
        )}
      </Translation>
    );
  }
}
