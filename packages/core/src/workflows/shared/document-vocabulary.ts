/** 密级, lowest first. */
export const SECRECY_LEVELS = ['非密', '秘密', '机密', '绝密'] as const;
/** 紧急程度, most urgent first. */
export const URGENCIES = ['特急', '加急', '普通'] as const;
/** 行文方向 as the receiver sees the sender: 上级来文 / 下级来文 / 平级来文. */
export const DIRECTIONS = ['上级来文', '下级来文', '平级来文'] as const;
