import { useT } from '../i18n/index.js';

/**
 * A character counter by a field with a length limit (as GOV.UK's character count): out of sight
 * (read with the field: "Up to 500 characters") until the text is three-quarters of the way to the
 * limit, then "You have 43 characters left", and past it "243 characters too many: the limit is
 * 200" in the error colour. The field never cuts what she types or pastes (nothing is lost
 * silently): saving over the limit gives the plain error instead.
 */
export function CharCount({ id, value, max }: { id: string; value: string; max: number }) {
  const t = useT();
  const n = [...value].length;
  if (n < max * 0.75) {
    return (
      <span id={id} className="visually-hidden" data-testid="char-count">
        {t('keys.count.up-to', { limit: max })}
      </span>
    );
  }
  const over = n - max;
  return (
    <span
      id={id}
      className={over > 0 ? 'char-count char-count-over' : 'char-count hint'}
      aria-live="polite"
      data-testid="char-count"
    >
      {over > 0 ? t('keys.count.over', { over, limit: max }) : t('keys.count.left', { left: max - n })}
    </span>
  );
}
