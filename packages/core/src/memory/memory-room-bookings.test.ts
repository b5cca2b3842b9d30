import { describeRoomBookingsConformance } from '../testing/room-bookings-conformance.ts';
import { createMemoryRoomBookings } from './memory-room-bookings.ts';

describeRoomBookingsConformance('memory', async () => ({ bookings: createMemoryRoomBookings() }));
