"use client";
// Keeps one card's failure inside the card (server components inside throw here too).
import { Component, type ReactNode } from "react";

export class CardErrorBoundary extends Component<{ message: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {this.props.message}
      </p>
    );
  }
}
