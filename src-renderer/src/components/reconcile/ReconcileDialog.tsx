import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReconcile } from './context';
import { PlanView } from './PlanView';
import { RunsList } from './RunsList';
import { RunView } from './RunView';
import { errorText } from './texts';
import './reconcile.css';

/** Shows the plan and its options, then the run's progress and result, and the unfinished runs. */
export function ReconcileDialog() {
  const { t } = useTranslation('reconcile');
  const open = useReconcile((state) => state.open);
  const run = useReconcile((state) => state.run);
  const actionError = useReconcile((state) => state.actionError);
  const close = useReconcile((state) => state.close);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  // A running run keeps the dialog open: closing it would hide the pause and cancel buttons.
  const running = run !== null && run.finished === null;

  return (
    <dialog
      ref={dialog}
      className="dialog reconcile-dialog"
      aria-labelledby="reconcile-title"
      onCancel={(event) => {
        if (running) event.preventDefault();
      }}
      onClose={() => {
        if (open) close();
      }}
    >
      {open && (
        <>
          <div className="reconcile-dialog__header">
            <h2 id="reconcile-title" className="dialog__title">
              {t('title')}
            </h2>
            <button type="button" className="button button--quiet" onClick={close} disabled={running}>
              {t('close')}
            </button>
          </div>
          {actionError !== null && (
            <p className="panel panel--error" role="alert" id="reconcile-error">
              {errorText(t, actionError)}
            </p>
          )}
          {run === null ? <PlanView /> : <RunView run={run} />}
          <RunsList />
        </>
      )}
    </dialog>
  );
}
