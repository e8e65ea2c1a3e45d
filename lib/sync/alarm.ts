import { SYNC_ALARM_PERIOD_MINUTES } from './schedule';

export const SYNC_ALARM = 'fact-lens-sync';

/** The part of `browser.alarms` the schedule needs. */
export interface AlarmsArea {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

/**
 * Wakes the background every half hour to sync whatever subscription is due (each one's own
 * due time carries the jitter and the backoff), and once at browser start so an overdue
 * check is not left waiting. The alarm is created only when missing: creating it again on
 * every worker wake would keep pushing it back.
 */
export function startSyncSchedule(
  alarms: AlarmsArea,
  onStartup: { addListener(listener: () => void): void },
  syncDue: () => Promise<unknown>,
  log: (message: string, error: unknown) => void = console.error,
): void {
  const run = () => void syncDue().catch((error: unknown) => log('Fact Lens: sync failed', error));
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) run();
  });
  onStartup.addListener(run);
  void Promise.resolve(alarms.get(SYNC_ALARM)).then((existing) => {
    if (!existing) {
      return alarms.create(SYNC_ALARM, {
        delayInMinutes: 1,
        periodInMinutes: SYNC_ALARM_PERIOD_MINUTES,
      });
    }
    return undefined;
  });
}
