import { seeAll, seeNothing, type VisibilityRule } from '../../workflow/visibility.ts';
import { canViewMeeting } from './visibility.ts';

/**
 * Who sees a 会议 case (`engine.view`): the whole of it for whoever `canViewMeeting` admits
 * (leaders, the office director, the secretariat; the organiser, approver, proofreader,
 * invitees, repliers and the departments with topics or resolutions); nothing for others.
 */
export const meetingVisibility: VisibilityRule = async (args) =>
  (await canViewMeeting(args)) ? seeAll(args) : seeNothing();
