import type { MessageId } from '../../lib/i18n/ui-text';
import { t } from '../i18n';

/**
 * One setting as a group of radio buttons: a legend, one labelled choice per value. Arrow
 * keys move between the choices (native radio behaviour); the change is stored at once.
 */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  langs,
}: {
  legend: string;
  name: string;
  /** Each value with its label's message, in the order shown. */
  choices: Readonly<Record<T, MessageId>>;
  value: T;
  onChange: (value: T) => void;
  /** The language of a label that names a language in its own words ("中文"), for `lang`. */
  langs?: Readonly<Partial<Record<T, string>>>;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {(Object.keys(choices) as T[]).map((choice) => (
        <label key={choice} className="fl-switch">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          <span lang={langs?.[choice]}>{t(choices[choice])}</span>
        </label>
      ))}
    </fieldset>
  );
}
