'use client';
import { useGenerateVideo } from 'gptimage2-react';
import { useState } from 'react';

/** A video form from the hooks alone; `persist` re-attaches to a pending task after a reload. */
export function VideoForm() {
  const [prompt, setPrompt] = useState('');
  const video = useGenerateVideo({ persist: 'home-video' });
  return (
    <form
      aria-label="Video"
      onSubmit={(event) => {
        event.preventDefault();
        video.generate({ model: 'veo3_fast', prompt, duration: 8, aspectRatio: '16:9' });
      }}
    >
      <h2>Video</h2>
      <label>
        Video prompt <textarea value={prompt} onChange={(event) => setPrompt(event.target.value)} />
      </label>
      {video.fieldErrors?.prompt && <p role="alert">{video.fieldErrors.prompt[0]}</p>}
      <button type="submit" disabled={video.isBusy}>
        Generate video
      </button>
      <p role="status">
        {video.status === 'pending' &&
          `Generating… ${Math.round((video.progress?.estimate ?? 0) * 100)} % (estimate)`}
        {video.status === 'submitting' && 'Submitting…'}
        {video.status === 'completed' && 'The video is ready'}
        {video.status === 'failed' && video.error.message}
      </p>
      {video.status === 'failed' && (
        <button type="button" onClick={video.retry}>
          Try again
        </button>
      )}
      {video.status === 'completed' && video.videoUrl && (
        <video src={video.videoUrl} controls aria-label="Generated video" />
      )}
    </form>
  );
}
