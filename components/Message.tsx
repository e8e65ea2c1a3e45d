import { Fragment, type ReactNode } from 'react';
import type { MessageId } from '../lib/i18n/ui-text';
import { t } from './i18n';

/** Stands in for the i-th element while the message is looked up: private-use characters. */
const slot = (index: number) => `\uE000${index}\uE001`;

/**
 * A whole message whose placeholders are elements (a `<time>`, keys in `<kbd>`): the
 * translation decides where they go, so no sentence is assembled around them in English
 * word order. `parts[i]` fills the message's i-th substitution.
 */
export function Message({ id, parts }: { id: MessageId; parts: readonly ReactNode[] }) {
  const text = t(id, ...parts.map((_, index) => slot(index)));
  const pieces = text.split(/\uE000(\d+)\uE001/);
  // split() with a capture group alternates text and slot numbers.
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>{index % 2 === 0 ? piece : parts[Number(piece)]}</Fragment>
      ))}
    </>
  );
}
