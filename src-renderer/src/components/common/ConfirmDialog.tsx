import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks a question in a modal dialog with a destructive confirm button. Esc or Cancel calls `onCancel`. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel
}: {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={onCancel}>
      <h2 id="confirm-title" className="dialog__title">
        {title}
      </h2>
      <p id="confirm-body">{body}</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
