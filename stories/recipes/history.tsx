// Recipe: a "History" screen. `useTaskHistory` reads the user's tasks page by page (the proxy's
// history, the mock's list, or the browser's own store without a proxy), pending ones live; TaskGallery
// shows them with their actions. Open shows one large in a dialog, Retry sends the same request again,
// "Use as input" starts a new generation from an output. Both submit through the library's submit
// mutation, so the history reads its first page again and the new task shows first, live.
import { useMutation } from '@tanstack/react-query';
import {
  submitMutationOptions,
  useGptImageClient,
  useTaskHistory,
  type DraftRequest,
  type ModelKind,
  type Task,
} from 'gptimage2-react';
import { useEffect, useId, useRef, useState } from 'react';
import { StyledTaskGallery } from './gallery-parts';
import '../theme/theme.css';

export interface HistoryProps {
  /** Tasks per page. Defaults to `20`. */
  limit?: number;
}

export function History({ limit = 20 }: HistoryProps) {
  const client = useGptImageClient();
  const history = useTaskHistory({ limit });
  const image = useMutation(submitMutationOptions(client, 'image'));
  const video = useMutation(submitMutationOptions(client, 'video'));
  const [opened, setOpened] = useState<Task | null>(null);
  const [input, setInput] = useState<{ url: string; task: Task } | null>(null);
  const [said, setSaid] = useState('');

  const generate = async (kind: ModelKind, request: DraftRequest) => {
    try {
      await (kind === 'image' ? image : video).mutateAsync(request);
    } catch (error) {
      setSaid(`Not sent: ${(error as Error).message}`);
    }
  };
  const retry = async (task: Task) => {
    const { request } = task;
    if (!request || !task.type) return;
    setSaid(`Sent again: ${task.prompt ?? 'the same request'}`);
    await generate(task.type, request);
  };
  const { tasks } = history;

  return (
    <div className="history">
      <header className="history-head">
        <h2 className="recipe-title">History</h2>
        <p className="recipe-hint">
          {tasks.length} generation{tasks.length === 1 ? '' : 's'}
          {history.hasNextPage ? ' so far' : ''}
        </p>
        <p className="history-said" role="status">
          {said}
        </p>
      </header>
      {input && (
        <NextGeneration
          input={input}
          onCancel={() => setInput(null)}
          onGenerate={async (request) => {
            setInput(null);
            setSaid(`Generating: ${request.prompt}`);
            await generate('image', request);
          }}
        />
      )}
      <StyledTaskGallery
        tasks={tasks}
        hasMore={history.hasNextPage}
        loading={history.isLoading || history.isFetchingNextPage}
        error={history.error}
        onLoadMore={history.fetchNextPage}
        onReload={history.refetch}
        onOpen={setOpened}
        onRetry={retry}
        onUseAsInput={(url, task) => setInput({ url, task })}
      />
      <Viewer task={opened} onClose={() => setOpened(null)} />
    </div>
  );
}

/** One task, large, in a modal dialog (the browser's: focus is kept inside and returns on close). */
function Viewer({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { registry } = useGptImageClient();
  useEffect(() => {
    const element = dialog.current;
    if (task && element && !element.open) element.showModal();
    if (!task && element?.open) element.close();
  }, [task]);
  const url = task?.videoUrl ?? task?.imageUrls[0];
  return (
    <dialog ref={dialog} className="history-viewer" aria-labelledby={titleId} onClose={onClose}>
      {task && (
        <>
          <h3 id={titleId} className="history-viewer-title">
            {task.prompt}
          </h3>
          {url &&
            (task.videoUrl ? (
              <video src={url} controls autoPlay playsInline aria-label="The video" />
            ) : (
              <img src={url} alt={`Generated image: ${task.prompt ?? ''}`} />
            ))}
          <p className="recipe-hint">
            {(task.model && registry.get(task.model)?.name) ?? task.model}
            {task.creditsUsed !== null && ` · ${task.creditsUsed} credits`}
          </p>
          <button type="button" className="recipe-button" onClick={onClose}>
            Close
          </button>
        </>
      )}
    </dialog>
  );
}

/** A new image generation from an output: the image as input, a prompt, Generate. */
function NextGeneration({
  input,
  onCancel,
  onGenerate,
}: {
  input: { url: string; task: Task };
  onCancel: () => void;
  onGenerate: (request: DraftRequest) => Promise<void>;
}) {
  const [prompt, setPrompt] = useState('');
  const promptId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // Chosen from a card: the next thing to do is to write the prompt.
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      className="history-next"
      aria-label="New generation from an image"
      onSubmit={(event) => {
        event.preventDefault();
        if (prompt.trim())
          void onGenerate({ model: 'gpt-image-2', prompt, inputImageUrls: [input.url] });
      }}
    >
      <img src={input.url} alt="Input image" className="history-next-image" />
      <div className="recipe-field">
        <label className="recipe-label" htmlFor={promptId}>
          What to change
        </label>
        <textarea
          id={promptId}
          ref={field}
          className="recipe-input"
          rows={2}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
        />
        <div className="recipe-actions">
          <button type="submit" className="recipe-button recipe-button-primary">
            Generate
          </button>
          <button type="button" className="recipe-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
