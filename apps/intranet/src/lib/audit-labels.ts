/** Chinese labels of audit actions (审计日志). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.signIn': '登录成功',
  'auth.signInFailed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.signInRefused': '拒绝登录',
  'admin.user.create': '新建用户',
  'admin.user.update': '编辑用户',
  'admin.user.deactivate': '停用用户',
  'admin.user.activate': '启用用户',
  'admin.user.resetPassword': '重置密码',
  'admin.department.create': '新建部门',
  'admin.department.update': '编辑部门',
  'admin.delegation.create': '新建代理授权',
  'admin.delegation.remove': '撤销代理授权',
  'system.firstStart': '系统初始化',
};
