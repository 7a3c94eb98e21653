;; The LZ4 block decoder behind lz4-frame-decoder.ts (the format of lz4_Block_format.md), in
;; WebAssembly: literals and non-overlapping matches are one memory.copy each, which JavaScript
;; cannot do without a call per copy. Assembled by scripts/build-lz4-wasm.ts into
;; lz4-block-wasm-bytes.ts; the JavaScript decodeBlock stays as the fallback and for messages.
;;
;; decode(ip, ipEnd, op, opEnd, low) -> the end of the output, or -1 for corrupt input.
;;   [ip, ipEnd)   the compressed block
;;   [op, opEnd)   where the output goes; opEnd is the block's maximum size past op
;;   [low, op)     history a match may reach into (the previous blocks of a linked frame)
;; Every read is checked against ipEnd, every write against opEnd, every match against low.
(module
  ;; 8 MiB + 128 KiB: a 4 MiB block in, 64 KiB of history and a 4 MiB block out.
  (memory (export "memory") 130)

  (func (export "decode") (param $ip i32) (param $ipEnd i32) (param $op i32) (param $opEnd i32) (param $low i32) (result i32)
    (local $token i32) (local $len i32) (local $b i32) (local $off i32) (local $m i32) (local $done i32) (local $n i32)
    (block $corrupt
      (loop $sequence
        ;; token: literal length (high 4 bits), match length - 4 (low 4 bits)
        (br_if $corrupt (i32.ge_u (local.get $ip) (local.get $ipEnd)))
        (local.set $token (i32.load8_u (local.get $ip)))
        (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
        (local.set $len (i32.shr_u (local.get $token) (i32.const 4)))
        (if (i32.eq (local.get $len) (i32.const 15))
          (then
            (loop $more
              (br_if $corrupt (i32.ge_u (local.get $ip) (local.get $ipEnd)))
              (local.set $b (i32.load8_u (local.get $ip)))
              (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
              (local.set $len (i32.add (local.get $len) (local.get $b)))
              (br_if $more (i32.eq (local.get $b) (i32.const 255))))))
        ;; literals (lengths stay far below 2^31: input is at most 4 MiB)
        (br_if $corrupt (i32.gt_u (local.get $len) (i32.sub (local.get $ipEnd) (local.get $ip))))
        (br_if $corrupt (i32.gt_u (local.get $len) (i32.sub (local.get $opEnd) (local.get $op))))
        (memory.copy (local.get $op) (local.get $ip) (local.get $len))
        (local.set $ip (i32.add (local.get $ip) (local.get $len)))
        (local.set $op (i32.add (local.get $op) (local.get $len)))
        ;; the last sequence has literals only
        (if (i32.eq (local.get $ip) (local.get $ipEnd)) (then (return (local.get $op))))
        ;; match offset (2 bytes, little-endian), never 0, never before the history
        (br_if $corrupt (i32.lt_u (i32.sub (local.get $ipEnd) (local.get $ip)) (i32.const 2)))
        (local.set $off (i32.load16_u (local.get $ip)))
        (local.set $ip (i32.add (local.get $ip) (i32.const 2)))
        (br_if $corrupt (i32.eqz (local.get $off)))
        (br_if $corrupt (i32.gt_u (local.get $off) (i32.sub (local.get $op) (local.get $low))))
        (local.set $m (i32.sub (local.get $op) (local.get $off)))
        (local.set $len (i32.and (local.get $token) (i32.const 15)))
        (if (i32.eq (local.get $len) (i32.const 15))
          (then
            (loop $more
              (br_if $corrupt (i32.ge_u (local.get $ip) (local.get $ipEnd)))
              (local.set $b (i32.load8_u (local.get $ip)))
              (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
              (local.set $len (i32.add (local.get $len) (local.get $b)))
              (br_if $more (i32.eq (local.get $b) (i32.const 255))))))
        (local.set $len (i32.add (local.get $len) (i32.const 4)))
        (br_if $corrupt (i32.gt_u (local.get $len) (i32.sub (local.get $opEnd) (local.get $op))))
        (if (i32.ge_u (local.get $off) (local.get $len))
          (then (memory.copy (local.get $op) (local.get $m) (local.get $len)))
          (else
            ;; Overlapping: the match repeats its last `off` bytes. Copy whole periods, doubling
            ;; each time, so no copy reads bytes it writes (memory.copy is a memmove).
            (local.set $done (i32.const 0))
            (loop $period
              (local.set $n (i32.add (local.get $off) (local.get $done)))
              (if (i32.gt_u (local.get $n) (i32.sub (local.get $len) (local.get $done)))
                (then (local.set $n (i32.sub (local.get $len) (local.get $done)))))
              (memory.copy (i32.add (local.get $op) (local.get $done)) (local.get $m) (local.get $n))
              (local.set $done (i32.add (local.get $done) (local.get $n)))
              (br_if $period (i32.lt_u (local.get $done) (local.get $len))))))
        (local.set $op (i32.add (local.get $op) (local.get $len)))
        (br $sequence)))
    (i32.const -1)))
