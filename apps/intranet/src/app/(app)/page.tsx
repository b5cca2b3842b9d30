import type { Metadata } from 'next';
import { HomeView } from './home-view';

export const metadata: Metadata = { title: '首页' };

export default function HomePage() {
  return <HomeView />;
}
