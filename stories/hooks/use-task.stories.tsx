import type { Meta, StoryObj } from '@storybook/react-vite';
import { useGptImageClient, useTask, type VideoRequest } from 'gptimage2-react';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { mockApiOf } from '../support/mock';
import '../theme/theme.css';
import '../harness.css';

/** One component following a task by id: any number of them share one request per poll. */
function TaskFollower({ label, taskId }: { label: string; taskId: string | null }) {
  const { data: task, error, fetchStatus } = useTask(taskId);
  return (
    <section className="harness" aria-label={label} data-status={task?.status ?? 'none'}>
      <h3>{label}</h3>
      <dl className="harness-state">
        <dt>task.status</dt>
        <dd data-testid="task-status">{task?.status ?? '—'}</dd>
        <dt>fetchStatus</dt>
        <dd>{fetchStatus}</dd>
        <dt>videoUrl</dt>
        <dd>{task?.videoUrl ? <a href={task.videoUrl}>the clip</a> : '—'}</dd>
        <dt>errorCode</dt>
        <dd>{task?.errorCode ?? '—'}</dd>
        <dt>creditsRefunded</dt>
        <dd>{task ? String(task.creditsRefunded) : '—'}</dd>
        <dt>error</dt>
        <dd data-testid="query-error">{error ? `${error.code}: ${error.message}` : '—'}</dd>
      </dl>
    </section>
  );
}

interface DemoProps {
  /** How many components follow the same task. */
  followers: number;
  /** Follow this id instead of submitting one (e.g. an unknown id). */
  taskId?: string;
}

const request: VideoRequest = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 };

/**
 * Submits with the client directly (no generation hook), then follows the id with `useTask` in
 * `followers` components: as a task list, a toast and a detail page would.
 */
function UseTaskDemo({ followers, taskId: given }: DemoProps) {
  const client = useGptImageClient();
  const [taskId, setTaskId] = useState<string | null>(given ?? null);
  return (
    <div className="harness">
      <h2>useTask</h2>
      <div className="harness-actions">
        <button
          type="button"
          disabled={taskId !== null}
          onClick={async () => setTaskId((await client.submit('video', request)).taskId)}
        >
          Submit a task
        </button>
      </div>
      <p>Following: {taskId ?? 'nothing yet (useTask(null) follows nothing)'}</p>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
          gap: '1rem',
        }}
      >
        {Array.from({ length: followers }, (_, index) => (
          <TaskFollower key={index} label={`Follower ${index + 1}`} taskId={taskId} />
        ))}
      </div>
    </div>
  );
}

const meta = {
  title: 'Hooks/useTask',
  component: UseTaskDemo,
  tags: ['autodocs'],
  args: { followers: 2 },
  argTypes: { followers: { control: { type: 'range', min: 1, max: 6 } } },
  parameters: {
    mock: { panel: true },
    docs: {
      description: {
        component:
          'Follows any task by id, from any component: polls on the model-aware schedule until it completes or fails, ' +
          'never fetches a terminal task again, and every component following the same id shares one request per poll.',
      },
    },
  },
} satisfies Meta<typeof UseTaskDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const taskGets = (id: string) =>
  mockApiOf(id).requests.filter(
    (request) => request.method === 'GET' && request.path.includes('/api/ai/tasks/'),
  );

/** Two followers, one task: each poll is one GET however many components follow, and polling stops at the end. */
export const SharedByTwoComponents: Story = {
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Submit a task' }));
    await waitFor(
      () =>
        expect(canvas.getAllByTestId('task-status').map((cell) => cell.textContent)).toEqual([
          'completed',
          'completed',
        ]),
      { timeout: 10_000 },
    );
    await expect(taskGets(id)).toHaveLength(1);
  },
};

/** A failed task is data, not an exception: `task.status` is `failed`, with its code and the refund. */
export const FailedTask: Story = {
  args: { followers: 1 },
  globals: { scenario: 'providerFailure' },
  parameters: { mock: { panel: true, timing: 'instant' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Submit a task' }));
    await waitFor(() => expect(canvas.getByTestId('task-status')).toHaveTextContent('failed'), {
      timeout: 10_000,
    });
    await expect(canvas.getByRole('region', { name: 'Follower 1' })).toHaveTextContent(
      'moderation_blocked',
    );
    await expect(canvas.getByRole('region', { name: 'Follower 1' })).toHaveTextContent('true');
  },
};

/** An id nobody submitted: `TaskNotFoundError` after a second look (a replica may not have seen a new task yet). */
export const NotFound: Story = {
  args: { followers: 1, taskId: 'tsk_nobody_submitted_this' },
  play: async ({ canvas }) => {
    await waitFor(
      () => expect(canvas.getByTestId('query-error')).toHaveTextContent('task_not_found'),
      { timeout: 10_000 },
    );
  },
};
