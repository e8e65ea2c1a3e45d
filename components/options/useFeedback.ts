import { useCallback, useState } from 'react';
import { saying, type Feedback } from './feedback';

export interface FeedbackHandle {
  feedback: Feedback | null;
  /**
   * Runs an action and shows what it answers (nothing, for `null`), with `pending` shown
   * while it runs. Never rejects: an unexpected throw is shown as a failure.
   */
  track: (action: () => Promise<Feedback | null>, pending?: string) => Promise<void>;
}

/** One message slot of a section: the outcome of its latest action. */
export function useFeedback(): FeedbackHandle {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const track = useCallback(async (action: () => Promise<Feedback | null>, pending?: string) => {
    if (pending) setFeedback(saying(pending));
    try {
      setFeedback(await action());
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      setFeedback({ tone: 'alert', text: message });
    }
  }, []);
  return { feedback, track };
}
