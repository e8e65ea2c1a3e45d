import { ImportSection } from './ImportSection';
import { PacksSection } from './PacksSection';
import { SubscribeForm } from './SubscribeForm';
import { SubscriptionsSection } from './SubscriptionsSection';
import { usePackManagement } from './usePackManagement';

/** The options page's pack sections: installed packs, import, subscribing, subscriptions. */
export function PackSections() {
  const manage = usePackManagement();
  return (
    <>
      <PacksSection manage={manage} />
      <ImportSection manage={manage} />
      <SubscribeForm manage={manage} />
      <SubscriptionsSection manage={manage} />
    </>
  );
}
