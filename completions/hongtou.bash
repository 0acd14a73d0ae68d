# SPDX-License-Identifier: Apache-2.0
# Bash completion of hongtou: its commands, options and files.
_hongtou() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
  }
  local global="--data-dir --fonts --font-dir --no-system-fonts --font-cache --no-font-cache --layout-dir --template-dir --limit --help --version"
  local common="--layout --allow-images-outside --strict-fonts --preprinted-letterhead --creation-date --date --pdfa"
  case $prev in
    --data-dir | --font-dir | --font-cache | --layout-dir | --template-dir)
      COMPREPLY=($(compgen -d -- "$cur"))
      return ;;
    --fonts | --layout)
      COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
      return ;;
    --data | --report)
      COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
      return ;;
    -j | --jobs)
      COMPREPLY=($(compgen -W "$(seq 1 "$(nproc 2>/dev/null || echo 4)")" -- "$cur"))
      return ;;
    --shard)
      COMPREPLY=($(compgen -W "0/2 1/2 0/4 1/4 2/4 3/4" -- "$cur"))
      return ;;
    --creation-date | --date | --name | --limit)
      return ;;
    --format)
      COMPREPLY=($(compgen -W "pdf trace" -- "$cur"))
      return ;;
    -o | --output)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
  esac
  local command="" w
  for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case $w in render | merge | batch | fonts) command=$w ;; esac
  done
  case $command in
    "") COMPREPLY=($(compgen -W "render merge batch fonts $global" -- "$cur")) ;;
    render)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-o --output --format --data $common" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    merge)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-o --output --name -j --jobs $common" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur"))
      fi ;;
    batch)
      local w2 merging=""
      for w2 in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do [[ $w2 == --merge-reports ]] && merging=1; done
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-o --output -j --jobs --report --resume --shard --quiet --merge-reports $common" -- "$cur"))
      elif [[ -n $merging ]]; then
        COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!@(*.xml|*.jsonl|*.ndjson)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
  esac
}
complete -F _hongtou hongtou
