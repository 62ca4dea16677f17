#!/usr/bin/env bash
# Prints the floors of tools/layers.txt as a Mermaid graph, one arrow per rule, so that the picture
# in docs/architecture.md is made from the same file the build checks.
#   mermaid_from_layers.sh LAYERS            print the graph
#   mermaid_from_layers.sh LAYERS --check DOC  exit 1 (and show the difference) unless DOC's
#                                              ```mermaid block is exactly that graph
set -euo pipefail

layers=${1:?usage: mermaid_from_layers.sh LAYERS [--check DOC]}

graph() {
    echo "graph TD"
    awk '
        function id(folder) { gsub(/[\/-]/, "_", folder); return folder }
        /^[[:space:]]*#/ || /^[[:space:]]*$/ || /^root:/ { next }
        {
            folder = $1; sub(/:$/, "", folder)
            printf "  %s[\"%s\"]\n", id(folder), folder
            for (i = 2; i <= NF; i++) printf "  %s --> %s\n", id(folder), id($i)
        }' "$layers"
}

if [[ ${2:-} == --check ]]; then
    doc=${3:?usage: mermaid_from_layers.sh LAYERS --check DOC}
    documented=$(awk '/^```mermaid/ { inside = 1; next } /^```/ && inside { exit } inside' "$doc")
    if ! diff <(graph) <(printf '%s\n' "$documented") >&2; then
        echo "$doc: its diagram differs from $layers (< rules, > document)." >&2
        echo "Regenerate it with: $0 $layers" >&2
        exit 1
    fi
    exit 0
fi
graph
