import { Brand, Card } from "@recouvra/ui";
import type { ReactNode } from "react";

/** The frame of the pages seen before signing in: the brand above one centred card. */
export function SignedOutFrame({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  return (
    <main id="main-content" className="flex min-h-dvh flex-col items-center justify-center bg-ink-50 px-4 py-10">
      <div className="mb-6">
        <Brand name="Recouvra" tagline="Agency workspace" />
      </div>
      <Card className="w-full max-w-md">
        <h1 className="text-2xl font-bold tracking-tight text-ink-900">{title}</h1>
        <p className="mt-1 mb-6 text-sm text-ink-600">{description}</p>
        {children}
      </Card>
    </main>
  );
}
