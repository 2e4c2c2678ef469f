/**
 * Query and mutation keys, from one place: use them to read, prefetch or invalidate the library's cache
 * entries (`queryClient.getQueryData(taskKeys.task(id))`).
 */
export const taskKeys = {
  /** Everything the library caches. */
  all: ['gptimage2'] as const,
  /** Every task snapshot. */
  tasks: () => [...taskKeys.all, 'task'] as const,
  /** One task's snapshot. */
  task: (taskId: string) => [...taskKeys.all, 'task', taskId] as const,
  /** The submit mutations, by kind. */
  submit: (kind: 'image' | 'video') => [...taskKeys.all, 'submit', kind] as const,
};
