import { useEffect, useRef } from 'react';
import type { Feedback } from './feedback';
import type { FeedbackHandle } from './useFeedback';

/**
 * A section's messages. Both live regions are always in the page, so a message that appears
 * in one is announced: screen readers ignore a live region that arrives with its content.
 * Successes and progress are polite (`status`), failures interrupt (`alert`).
 */
export function FeedbackArea({ feedback, track }: FeedbackHandle) {
  return (
    <>
      <div role="status" className="fl-options-feedback">
        {feedback?.tone === 'status' && <FeedbackMessage feedback={feedback} track={track} />}
      </div>
      <div role="alert" className="fl-options-feedback">
        {feedback?.tone === 'alert' && <FeedbackMessage feedback={feedback} track={track} />}
      </div>
    </>
  );
}

function FeedbackMessage({
  feedback,
  track,
}: {
  feedback: Feedback;
  track: FeedbackHandle['track'];
}) {
  const { text, details, action, tone } = feedback;
  const actionRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (feedback.action?.focus) actionRef.current?.focus();
  }, [feedback]);
  return (
    <div className={tone === 'alert' ? 'fl-options-notice fl-error' : 'fl-options-notice'}>
      <p>
        {text}
        {action && (
          <>
            {' '}
            <button
              ref={actionRef}
              type="button"
              className="fl-link-button"
              onClick={() => void track(action.run, action.pending)}
            >
              {action.label}
            </button>
          </>
        )}
      </p>
      {details && (
        <ul className="fl-options-feedback-details">
          {details.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
