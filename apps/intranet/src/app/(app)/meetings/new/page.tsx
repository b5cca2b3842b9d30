import type { Metadata } from 'next';
import { MeetingPlanForm } from '~/components/meeting/meeting-plan-form';

export const metadata: Metadata = { title: '新建会议' };

export default function NewMeetingPage() {
  return <MeetingPlanForm />;
}
