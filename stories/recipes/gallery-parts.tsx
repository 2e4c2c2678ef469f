// TaskGallery composed from its parts with class names for theme.css: the component page's styled
// stories and the History recipe render the same markup.
import { TaskGallery, type TaskGalleryRootProps } from 'gptimage2-react';
import '../theme/theme.css';

/** The gallery as cards: media, status and credits, the estimate while pending, prompt, model, failure and refund, then the actions. */
export function StyledTaskGallery({
  label = 'Your generations',
  onReload,
  ...props
}: TaskGalleryRootProps & {
  /** The feed's name. */
  label?: string;
  /** Offered beside a load error ("Try again"). */
  onReload?: () => void;
}) {
  return (
    <TaskGallery.Root className="gallery" {...props}>
      <TaskGallery.List className="gallery-grid" aria-label={label}>
        {(task) => (
          <TaskGallery.Item task={task} className="gallery-card">
            <TaskGallery.Media className="gallery-media" />
            <div className="gallery-body">
              <div className="gallery-head">
                <TaskGallery.Status className="gallery-status" />
                <TaskGallery.Credits className="gallery-credits" />
              </div>
              <TaskGallery.Progress className="recipe-bar" />
              <TaskGallery.Prompt className="gallery-prompt" />
              <TaskGallery.Model className="gallery-model" />
              <TaskGallery.Failure className="gallery-failure" />
              <TaskGallery.Refund className="recipe-refund" />
            </div>
            <div className="gallery-actions">
              <TaskGallery.Open className="gallery-action" />
              <TaskGallery.Download className="gallery-action" />
              <TaskGallery.UseAsInput className="gallery-action" />
              <TaskGallery.Retry className="gallery-action" />
            </div>
          </TaskGallery.Item>
        )}
      </TaskGallery.List>
      <TaskGallery.Loading className="gallery-loading">
        {[1, 2, 3].map((n) => (
          <div key={n} className="gallery-skeleton" />
        ))}
      </TaskGallery.Loading>
      <TaskGallery.Empty className="gallery-empty">
        <strong>No generations yet</strong>
        What you generate appears here, newest first.
      </TaskGallery.Empty>
      {props.error && (
        <div className="gallery-error">
          <TaskGallery.Error />
          {onReload && (
            <button type="button" className="recipe-button" onClick={onReload}>
              Try again
            </button>
          )}
        </div>
      )}
      <TaskGallery.LoadMore className="recipe-button gallery-more" />
    </TaskGallery.Root>
  );
}
