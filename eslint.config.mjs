import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", ".next-*/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["next", "next/*", "react", "react-dom", "@prisma/*", "@/lib/db/*", "@/lib/generated/*", "**/generated/**", "server-only", "pg"], message: "lib/domain is pure: no framework, database or I/O imports." },
        ],
      }],
    },
  },
];
export default config;
