import { useTranslation } from 'react-i18next';

/** A table row's button that opens or closes the row's panel ("Yield curve" / "Hide curve"). */
export function PanelToggle(props: {
  open: boolean;
  /** What the panel shows, for screen readers: "the yield curve of Ge-68/Ga-68 generator 1". */
  what: string;
  openText: string;
  closeText: string;
  onToggle: () => void;
}) {
  const { t } = useTranslation('supply');
  return (
    <button
      type="button"
      className="secondary"
      aria-pressed={props.open}
      aria-label={t(props.open ? 'toggle.hide' : 'toggle.show', { what: props.what })}
      onClick={props.onToggle}
    >
      {props.open ? props.closeText : props.openText}
    </button>
  );
}
