// The 催办 twin keys every workflow uses live beside the other machine helpers.
export { baseTaskKey, remindTaskKey } from '../../workflow/machine-helpers.ts';
