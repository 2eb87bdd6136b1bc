# Firstline's app server (`npm start`). Build: docker build -t firstline .
# Stage 1 compiles lib/ with the dev tools; stage 2 holds only lib/ and the production dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/lib ./lib
# Secrets (PRIVATE_KEY, WEBHOOK_SECRET, pager keys) come from the environment, never from the image.
USER node
EXPOSE 3000
CMD ["npm", "start"]
