"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The plan's tabs, one per priority area like the workbook's sheets; the current one is marked for screen readers too. */
export function PlanTabs({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Planens flikar">
      <ul className="flex flex-wrap gap-1 border-b-2 border-gray-700">
        {items.map((item) => {
          const current = pathname === item.href;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block border-2 border-b-0 px-3 py-2 text-sm ${
                  current ? "border-gray-700 bg-white font-bold text-ink no-underline" : "border-transparent bg-gray-100"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
