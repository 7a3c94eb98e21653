;; pg_checksum_page (PostgreSQL's src/include/storage/checksum_impl.h) for runs of whole pages,
;; with WebAssembly SIMD. Assembled by scripts/build-wasm.ts into page-checksum-wasm-bytes.ts; the
;; page rules (new pages, header sanity, the stored pd_checksum) stay in page-checksum.ts.
;;
;; The algorithm: a page is rows of 32 little-endian 32-bit words; column j is hashed into its own
;; sum, sum[j] = FNV-1a-like mix of (sum[j] xor word), starting from a fixed offset basis per
;; column. Here the 32 sums are 8 i32x4 vectors, so one row is 8 loads and 8 vector mixes.
;; Then two mixes with zero, the 32 sums xor-folded, the block number xored in, and the result
;; reduced to 1..65535. pd_checksum (bytes 8-9: the low half of word 2) counts as zero.
;;
;; The kernel also says whether a page has any nonzero byte: a page with pd_upper = 0 is only
;; valid when it is all zeros, and a JavaScript loop over the page costs about as much as the
;; checksum itself.
;;
;; Memory layout is the caller's: it copies pages into `memory`, reads the results out, and
;; grows it as needed. blockSize must be a multiple of 128 (PostgreSQL's is 1 kB to 32 kB).
(module
  (memory (export "memory") 1)

  ;; For each of `pageCount` consecutive pages of `blockSize` bytes at `pagesPtr` (block numbers
  ;; firstBlockNo, firstBlockNo + 1, ...), stores a u32 at outPtr + 4 * i: the page's checksum in
  ;; bits 0-15, and bit 16 set when any byte of the page (pd_checksum included) is not zero.
  (func (export "checksumPages")
    (param $pagesPtr i32) (param $pageCount i32) (param $firstBlockNo i32) (param $blockSize i32) (param $outPtr i32)
    (local $page i32) (local $pagesEnd i32) (local $row i32) (local $pageEnd i32)
    (local $blockNo i32) (local $out i32) (local $round i32) (local $sum i32) (local $nonzero i32)
    (local $prime v128) (local $mask0 v128) (local $t v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)

    ;; FNV_PRIME in every lane.
    (local.set $prime (v128.const i32x4 16777619 16777619 16777619 16777619))
    (local.set $page (local.get $pagesPtr))
    (local.set $pagesEnd (i32.add (local.get $pagesPtr) (i32.mul (local.get $pageCount) (local.get $blockSize))))
    (local.set $blockNo (local.get $firstBlockNo))
    (local.set $out (local.get $outPtr))

    (block $done
      (loop $nextPage
        (br_if $done (i32.ge_u (local.get $page) (local.get $pagesEnd)))

        ;; checksumBaseOffsets: the offset basis of each of the 32 columns.
        (local.set $s0 (v128.const i32x4 0x5B1F36E9 0xB8525960 0x02AB50AA 0x1DE66D2A))
        (local.set $s1 (v128.const i32x4 0x79FF467A 0x9BB9F8A3 0x217E7CD2 0x83E13D2C))
        (local.set $s2 (v128.const i32x4 0xF8D4474F 0xE39EB970 0x42C6AE16 0x993216FA))
        (local.set $s3 (v128.const i32x4 0x7B093B5D 0x98DAFF3C 0xF718902A 0x0B1C9CDB))
        (local.set $s4 (v128.const i32x4 0xE58F764B 0x187636BC 0x5D7B3BB1 0xE73DE7DE))
        (local.set $s5 (v128.const i32x4 0x92BEC979 0xCCA6C0B2 0x304A0979 0x85AA43D4))
        (local.set $s6 (v128.const i32x4 0x783125BB 0x6CA8EAA2 0xE407EAC6 0x4B5CFC3E))
        (local.set $s7 (v128.const i32x4 0x9FBF8C76 0x15CA20BE 0xF2CA9FD3 0x959BD756))
        ;; Clears pd_checksum in the first row only; all ones for every later row. One extra
        ;; v128.and per row is cheaper than a second copy of the row code.
        (local.set $mask0 (v128.const i32x4 -1 -1 0xFFFF0000 -1))
        (local.set $row (local.get $page))
        (local.set $pageEnd (i32.add (local.get $page) (local.get $blockSize)))

        ;; One row of 32 words: t = sum ^ word; sum = t * FNV_PRIME ^ (t >> 17), lane-wise.
        ;; The 8 vectors are independent chains, which hides the multiply's latency.
        (loop $nextRow
          (local.set $s0 (v128.xor
            (i32x4.mul (local.tee $t (v128.xor (local.get $s0)
              (v128.and (v128.load offset=0 (local.get $row)) (local.get $mask0)))) (local.get $prime))
            (i32x4.shr_u (local.get $t) (i32.const 17))))
          (local.set $s1 (v128.xor
            (i32x4.mul (local.tee $t (v128.xor (local.get $s1) (v128.load offset=16 (local.get $row)))) (local.get $prime))
            (i32x4.shr_u (local.get $t) (i32.const 17))))
          (local.set $s2 (v128.xor
            (i32x4.mul (local.tee $t (v128.xor (local.get $s2) (v128.load offset=32 (local.get $row)))) (local.get $prime))
            (i32x4.shr_u (local.get $t) (i32.const 17))))
          (local.set $s3 (v128.xor
            (i32x4.mul (local.tee $t (v128.xor (local.get $s3) (v128.load offset=48 (local.get $row)))) (local.get $prime))
            (i32x4.shr_u (local.get $t) (i32.const 17))))
          (local.set $s4 (v128.xor
            (i32x4.mul (local.tee $t (v128.xor (local.get $s4) (v128.load offset=64 (local.get $row)))) (local.get $prime))
            (i32x4.shr_u (local.get $t) (i32.const 17))))
          (local.set $s5 (v128.xor
            (i32x4.mul (local.tee $t (v128.xor (local.get $s5) (v128.load offset=80 (local.get $row)))) (local.get $prime))
            (i32x4.shr_u (local.get $t) (i32.const 17))))
          (local.set $s6 (v128.xor
            (i32x4.mul (local.tee $t (v128.xor (local.get $s6) (v128.load offset=96 (local.get $row)))) (local.get $prime))
            (i32x4.shr_u (local.get $t) (i32.const 17))))
          (local.set $s7 (v128.xor
            (i32x4.mul (local.tee $t (v128.xor (local.get $s7) (v128.load offset=112 (local.get $row)))) (local.get $prime))
            (i32x4.shr_u (local.get $t) (i32.const 17))))
          (local.set $mask0 (v128.const i32x4 -1 -1 -1 -1))
          (local.set $row (i32.add (local.get $row) (i32.const 128)))
          (br_if $nextRow (i32.lt_u (local.get $row) (local.get $pageEnd))))

        ;; Two rounds with zero words, so that the last row reaches every bit of the sums.
        (local.set $round (i32.const 2))
        (loop $zeroRound
          (local.set $s0 (v128.xor (i32x4.mul (local.get $s0) (local.get $prime)) (i32x4.shr_u (local.get $s0) (i32.const 17))))
          (local.set $s1 (v128.xor (i32x4.mul (local.get $s1) (local.get $prime)) (i32x4.shr_u (local.get $s1) (i32.const 17))))
          (local.set $s2 (v128.xor (i32x4.mul (local.get $s2) (local.get $prime)) (i32x4.shr_u (local.get $s2) (i32.const 17))))
          (local.set $s3 (v128.xor (i32x4.mul (local.get $s3) (local.get $prime)) (i32x4.shr_u (local.get $s3) (i32.const 17))))
          (local.set $s4 (v128.xor (i32x4.mul (local.get $s4) (local.get $prime)) (i32x4.shr_u (local.get $s4) (i32.const 17))))
          (local.set $s5 (v128.xor (i32x4.mul (local.get $s5) (local.get $prime)) (i32x4.shr_u (local.get $s5) (i32.const 17))))
          (local.set $s6 (v128.xor (i32x4.mul (local.get $s6) (local.get $prime)) (i32x4.shr_u (local.get $s6) (i32.const 17))))
          (local.set $s7 (v128.xor (i32x4.mul (local.get $s7) (local.get $prime)) (i32x4.shr_u (local.get $s7) (i32.const 17))))
          (br_if $zeroRound (local.tee $round (i32.sub (local.get $round) (i32.const 1)))))

        ;; Xor-fold the 8 vectors, then the 4 lanes, then mix in the block number.
        (local.set $t (v128.xor
          (v128.xor (v128.xor (local.get $s0) (local.get $s1)) (v128.xor (local.get $s2) (local.get $s3)))
          (v128.xor (v128.xor (local.get $s4) (local.get $s5)) (v128.xor (local.get $s6) (local.get $s7)))))
        (local.set $sum (i32.xor
          (i32.xor (i32x4.extract_lane 0 (local.get $t)) (i32x4.extract_lane 1 (local.get $t)))
          (i32.xor (i32x4.extract_lane 2 (local.get $t)) (i32x4.extract_lane 3 (local.get $t)))))
        (local.set $sum (i32.xor (local.get $sum) (local.get $blockNo)))

        ;; Any nonzero byte? A separate pass that stops at the first one, not an OR in the loop
        ;; above: that loop is bound by vector ALU throughput, and one more op per vector slowed
        ;; it by a quarter. Written pages stop in their first 64 bytes (the header is not zeros),
        ;; so only never-written pages are read again, from the CPU cache.
        (local.set $nonzero (i32.const 1))
        (local.set $row (local.get $page))
        (block $scanned
          (loop $scan
            (br_if $scanned (v128.any_true (v128.or
              (v128.or (v128.load offset=0 (local.get $row)) (v128.load offset=16 (local.get $row)))
              (v128.or (v128.load offset=32 (local.get $row)) (v128.load offset=48 (local.get $row))))))
            (local.set $row (i32.add (local.get $row) (i32.const 64)))
            (br_if $scan (i32.lt_u (local.get $row) (local.get $pageEnd))))
          (local.set $nonzero (i32.const 0)))

        ;; The checksum unsigned, reduced to 1..65535 so that a checksummed page never stores 0.
        (i32.store (local.get $out) (i32.or
          (i32.add (i32.rem_u (local.get $sum) (i32.const 65535)) (i32.const 1))
          (i32.shl (local.get $nonzero) (i32.const 16))))

        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $blockNo (i32.add (local.get $blockNo) (i32.const 1)))
        (local.set $page (local.get $pageEnd))
        (br $nextPage)))))
