import type { MouseEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const MAIN_ID = 'main';

export function SkipLink() {
  const { t } = useI18n();
  // Focus <main> ourselves: following the #main fragment would also push a history entry.
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
  };
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={onClick}>
      {t('layout.skipToMain')}
    </a>
  );
}
