import { PageSkeleton } from '~/components/incoming/page-skeleton';

export default function Loading() {
  return <PageSkeleton />;
}
