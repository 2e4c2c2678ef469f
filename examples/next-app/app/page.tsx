import { ImageForm } from './image-form';
import { ModelTable } from './model-table';
import { VideoForm } from './video-form';

export default function Home() {
  return (
    <main>
      <h1>gptimage2-react on Next.js</h1>
      <VideoForm />
      <ImageForm />
      <h2>Models</h2>
      <ModelTable />
    </main>
  );
}
